// Both edges are to-one; the document hands its view its own shared_from_this() through a
// setter: the view's pointer is the back-reference, though the view is declared first.
#include <memory>

class Document;
class View {
 public:
  void attach(std::shared_ptr<Document> d) { doc_ = std::move(d); }

 private:
  std::shared_ptr<Document> doc_;  // CYCLE: View::doc_ -> Document::view_ ; BACKREF: View::doc_ => std::weak_ptr<Document> doc_;
};

class Document : public std::enable_shared_from_this<Document> {
 public:
  void show() {
    view_ = std::make_shared<View>();
    view_->attach(shared_from_this());
  }

 private:
  std::shared_ptr<View> view_;  // EDGE: Document::view_
};
