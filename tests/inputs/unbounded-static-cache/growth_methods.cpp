// Every way a standard container grows.
#include <deque>
#include <iterator>
#include <list>
#include <map>
#include <queue>
#include <set>
#include <stack>
#include <string>
#include <unordered_map>
#include <vector>

std::set<int> g_inserted;                       // CACHE: g_inserted
std::map<int, int> g_emplaced;                  // CACHE: g_emplaced
std::map<int, int> g_hinted;                    // CACHE: g_hinted
std::unordered_map<int, int> g_tried;           // CACHE: g_tried
std::map<std::string, int> g_assigned;          // CACHE: g_assigned
std::unordered_map<std::string, int> g_indexed; // CACHE: g_indexed
std::vector<int> g_pushed;                      // CACHE: g_pushed
std::deque<int> g_front;                        // CACHE: g_front
std::list<int> g_emplaced_back;                 // CACHE: g_emplaced_back
std::deque<int> g_emplaced_front;               // CACHE: g_emplaced_front
std::queue<int> g_queue;                        // CACHE: g_queue
std::stack<int> g_stack;                        // CACHE: g_stack
std::priority_queue<int> g_heap;                // CACHE: g_heap
std::vector<int> g_copied;                      // CACHE: g_copied
std::vector<int> g_indexed_vector(8);           // operator[] on a vector does not grow it

void grow(int i, const std::vector<int> &more) {
  g_inserted.insert(i);
  g_emplaced.emplace(i, i);
  g_hinted.emplace_hint(g_hinted.end(), i, i);
  g_tried.try_emplace(i, i);
  g_assigned.insert_or_assign("k" + std::to_string(i), i);
  g_indexed["k"] = i;
  g_pushed.push_back(i);
  g_front.push_front(i);
  g_emplaced_back.emplace_back(i);
  g_emplaced_front.emplace_front(i);
  g_queue.push(i);
  g_stack.push(i);
  g_heap.push(i);
  std::copy(more.begin(), more.end(), std::back_inserter(g_copied));
  g_indexed_vector[i % 8] = i;
}
