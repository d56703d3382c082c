#pragma once
#include <memory>
struct Doc;
struct Page {
  std::weak_ptr<Doc> doc;
};
