// Leak: a download stores a retry callback that captures shared_from_this(): the object
// owns the callback, the callback owns the object.
#include <functional>
#include <memory>
#include <string>

class Download : public std::enable_shared_from_this<Download> {
 public:
  explicit Download(std::string url) : url_(std::move(url)) {}
  void start() {
    onRetry_ = [self = shared_from_this()] { self->start(); };
  }

 private:
  std::string url_;
  std::function<void()> onRetry_;
};

int main() {
  auto d = std::make_shared<Download>("https://example.org/file");
  d->start();
}  // the Download is never destroyed
