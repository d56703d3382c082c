// Each container grows and something removes from it: none is reported.
#include <deque>
#include <list>
#include <map>
#include <queue>
#include <set>
#include <stack>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

std::map<int, int> g_erased;
std::vector<int> g_cleared;
std::vector<int> g_popped;
std::deque<int> g_popped_front;
std::queue<int> g_queue;
std::stack<int> g_stack;
std::set<int> g_extracted;
std::vector<int> g_swapped;
std::vector<int> g_std_swapped;
std::vector<int> g_resized;
std::vector<int> g_reassigned;
std::vector<int> g_emptied;
std::vector<int> g_moved;
std::list<int> g_removed;
std::unordered_map<int, int> g_exchanged;

void grow(int i) {
  g_erased[i] = i;
  g_cleared.push_back(i);
  g_popped.push_back(i);
  g_popped_front.push_back(i);
  g_queue.push(i);
  g_stack.push(i);
  g_extracted.insert(i);
  g_swapped.push_back(i);
  g_std_swapped.push_back(i);
  g_resized.push_back(i);
  g_reassigned.push_back(i);
  g_emptied.push_back(i);
  g_moved.push_back(i);
  g_removed.push_back(i);
  g_exchanged.emplace(i, i);
}

void shrink(int i) {
  g_erased.erase(i);
  g_cleared.clear();
  g_popped.pop_back();
  g_popped_front.pop_front();
  g_queue.pop();
  g_stack.pop();
  g_extracted.extract(i);
  std::vector<int>().swap(g_swapped);
  std::vector<int> other;
  std::swap(other, g_std_swapped);
  g_resized.resize(10);
  g_reassigned = std::vector<int>(3, 0);
  g_emptied = {};
  auto taken = std::move(g_moved);
  g_removed.remove(i);
  auto old = std::exchange(g_exchanged, {});
}
