// An undirected graph stored as strong adjacency lists: every edge is a two-object cycle.
#include <memory>
#include <vector>

struct Vertex {
  int id = 0;
  std::vector<std::shared_ptr<Vertex>> neighbours;  // CYCLE: Vertex::neighbours ; BACKREF: Vertex::neighbours => std::vector<std::weak_ptr<Vertex>> neighbours;
};

void connect(const std::shared_ptr<Vertex> &a, const std::shared_ptr<Vertex> &b) {
  a->neighbours.push_back(b);
  b->neighbours.push_back(a);
}
