// Nothing in the structure tells the two to-one edges apart: the name `host` does.
#include <memory>

struct Window;
struct Panel {
  std::shared_ptr<Window> host;  // CYCLE: Panel::host -> Window::panel ; BACKREF: Panel::host => std::weak_ptr<Window> host;
};
struct Window {
  std::shared_ptr<Panel> panel;  // EDGE: Window::panel
};
