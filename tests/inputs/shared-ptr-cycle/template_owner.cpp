// A template argument decides what a member owns: Pool<Worker> owns workers.
#include <memory>
#include <vector>

template <class T> struct Pool {
  std::vector<std::shared_ptr<T>> members;  // CYCLE: Pool::members -> Worker::pool
};
struct Worker;
using WorkerPool = Pool<Worker>;
struct Worker {
  std::shared_ptr<WorkerPool> pool;  // EDGE: Worker::pool ; BACKREF: Worker::pool => std::weak_ptr<WorkerPool> pool;
};
Pool<int> unrelated;  // Pool<int> owns ints: no cycle
