// Cause B (cpprest's threadpool_impl::add_thread, Poco ODBC's TypeInfo::fillCTypes): a
// member function that only the record's constructors call fills the object while it is
// built, like the constructor itself. Called later too, it grows a cache.
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

class ThreadPool {
 public:
  explicit ThreadPool(int n) {
    for (int i = 0; i < n; ++i)
      addThread();
  }
  static ThreadPool &shared() {  // built when first used, while the program runs
    if (!pool_)
      pool_ = new ThreadPool(4);
    return *pool_;
  }

 private:
  void addThread() { threads_.emplace_back(); }  // only from the constructor
  std::vector<std::thread> threads_;            // quiet
  static ThreadPool *pool_;
};
ThreadPool *ThreadPool::pool_;

class TypeInfo {
 public:
  TypeInfo() { fill(); }

 private:
  void fill() { fillCTypes(); }  // through a helper only the constructor calls
  void fillCTypes() { cTypes_["int"] = 4; }
  std::map<std::string, int> cTypes_;  // quiet
};
static std::unique_ptr<TypeInfo> g_types;
void connect() { g_types.reset(new TypeInfo); }

class Catalog {
 public:
  Catalog() { load(); }
  static Catalog &get() {
    static Catalog c;
    return c;
  }
  void load() { names_.push_back("x"); }  // also called later: reload()
  std::vector<std::string> names_;       // CACHE: Catalog::names_
};

void reload() { Catalog::get().load(); }
void start() {
  ThreadPool::shared();
  connect();
}
