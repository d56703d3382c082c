// A unique_ptr has no weak form: the shared_ptr edge of the cycle is named.
#include <memory>

struct Document;
struct Editor {
  std::shared_ptr<Document> doc;  // CYCLE: Editor::doc -> Document::editor ; BACKREF: Editor::doc => std::weak_ptr<Document> doc;
};
struct Document {
  std::unique_ptr<Editor> editor;  // EDGE: Document::editor
};
