// Fixed twin of callback_self.cpp: the callback captures weak_from_this() and locks it.
#include <functional>
#include <memory>
#include <string>

namespace fixed {

class Download : public std::enable_shared_from_this<Download> {
 public:
  explicit Download(std::string url) : url_(std::move(url)) {}
  void start() {
    onRetry_ = [weak = weak_from_this()] {
      if (auto self = weak.lock()) self->start();
    };
  }

 private:
  std::string url_;
  std::function<void()> onRetry_;
};

}  // namespace fixed

int main() {
  auto d = std::make_shared<fixed::Download>("https://example.org/file");
  d->start();
}
