#pragma once
#include <memory>
#include <vector>
struct Page;
struct Doc {
  std::vector<std::shared_ptr<Page>> pages;
};
