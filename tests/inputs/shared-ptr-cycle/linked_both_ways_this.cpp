// Linking both ways from a member function: `this` and shared_from_this() are one object.
#include <memory>
#include <vector>

class Section : public std::enable_shared_from_this<Section> {
 public:
  void add(std::shared_ptr<Section> s) {
    s->container_ = shared_from_this();
    subsections_.push_back(std::move(s));
  }

 private:
  std::vector<std::shared_ptr<Section>> subsections_;  // CYCLE: Section::subsections_ -> Section::container_
  std::shared_ptr<Section> container_;                 // EDGE: Section::container_ ; BACKREF: Section::container_ => std::weak_ptr<Section> container_;
};
