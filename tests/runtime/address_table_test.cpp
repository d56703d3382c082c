// The registry's flat hash map against std::unordered_map, under random inserts and
// erases of clustered, strided addresses (what heap addresses look like).
#include <random>
#include <unordered_map>

#include <gtest/gtest.h>

#include "address_table.h"

namespace {

using leakcheck::gc::detail::AddressTable;

TEST(AddressTable, AgreesWithUnorderedMap) {
  std::mt19937_64 rng(7);
  for (std::uintptr_t stride : {16u, 48u, 64u, 80u, 4096u}) {
    AddressTable table;
    std::unordered_map<const void*, std::uint32_t> model;
    auto address = [&](std::uint64_t i) {
      return reinterpret_cast<const void*>(std::uintptr_t{0x10000000} + stride * (i % 20000) +
                                           (i % 3 == 0 ? std::uintptr_t{1} << 32 : 0));
    };
    for (int step = 0; step <= 100000; ++step) {
      const void* key = address(rng() % 60000);
      switch (rng() % 3) {
        case 0:
        case 1: {
          auto value = static_cast<std::uint32_t>(rng() % 1000);
          table.insert(key, value);
          model[key] = value;
          break;
        }
        default:
          EXPECT_EQ(table.erase(key), model.erase(key) == 1);
      }
      if (step % 20000 == 0) {
        ASSERT_EQ(table.size(), model.size());
        for (const auto& [k, v] : model) ASSERT_EQ(table.find(k), v) << "stride " << stride;
      }
    }
    EXPECT_EQ(table.find(nullptr), AddressTable::kMissing);
    EXPECT_EQ(table.find(address(999999)), model.count(address(999999)) ? model[address(999999)] : AddressTable::kMissing);
  }
}

}  // namespace
