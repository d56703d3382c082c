// A memo table as a static data member: reported where the class declares it.
#include <unordered_map>

class Calculator {
 public:
  long fib(int n) {
    auto it = cache_.find(n);
    if (it != cache_.end()) return it->second;
    long r = n < 2 ? n : fib(n - 1) + fib(n - 2);
    cache_[n] = r;
    return r;
  }

 private:
  static std::unordered_map<int, long> cache_;  // CACHE: Calculator::cache_
};

std::unordered_map<int, long> Calculator::cache_;
