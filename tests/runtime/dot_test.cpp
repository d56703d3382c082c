// Graphviz output: objgraph's show_refs and show_backrefs.
#include <fstream>
#include <sstream>

#include "support.h"

namespace {

std::string read(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_F(GcTest, WriteDotDrawsReferencesWithFieldsUpToDepth) {
  auto a = gc::make_tracked<Node>(1);
  auto b = gc::make_tracked<Node>(2);
  auto c = gc::make_tracked<Node>(3);
  auto d = gc::make_tracked<Node>(4);
  a->next = b;
  a->children = {c};
  b->next = d;
  b->parent = a;  // weak: dashed
  auto loose = std::make_shared<int>(5);
  std::string path = testing::TempDir() + "leakcheck_refs.dot";

  ASSERT_TRUE(gc::write_dot(path, {a}, 1));
  std::string dot = read(path);
  EXPECT_EQ(dot.rfind("digraph leakcheck {", 0), 0u) << dot;
  EXPECT_EQ(count(dot, "[label=\"Node\\n0x"), 3u) << dot;  // a, b, c
  EXPECT_EQ(count(dot, "-> "), 2u) << dot;
  EXPECT_NE(dot.find("[label=\"next\"]"), std::string::npos) << dot;
  EXPECT_NE(dot.find("[label=\"children\"]"), std::string::npos) << dot;
  EXPECT_NE(dot.find("fillcolor"), std::string::npos) << dot;  // the root

  ASSERT_TRUE(gc::write_dot(path, {a}, 3));
  dot = read(path);
  EXPECT_EQ(count(dot, "[label=\"Node\\n0x"), 4u) << dot;
  EXPECT_NE(dot.find("[label=\"parent\", style=dashed]"), std::string::npos) << dot;
  EXPECT_EQ(dot.back(), '\n');
  EXPECT_NE(dot.find("}\n"), std::string::npos);
}

TEST_F(GcTest, WriteDotShowsUntrackedTargets) {
  auto a = gc::make_tracked<Node>();
  a->next = std::make_shared<Node>();  // traced type, untracked object
  std::string path = testing::TempDir() + "leakcheck_untracked.dot";
  ASSERT_TRUE(gc::write_dot(path, {a}, 2));
  EXPECT_NE(read(path).find("untracked\\n0x"), std::string::npos) << read(path);
}

TEST_F(GcTest, WriteBackrefsDotDrawsReferrers) {
  auto target = gc::make_tracked<Node>(0);
  auto p1 = gc::make_tracked<Node>(1);
  auto p2 = gc::make_tracked<Node>(2);
  auto grand = gc::make_tracked<Node>(3);
  auto unrelated = gc::make_tracked<Node>(4);
  p1->next = target;
  p2->children = {target};
  grand->next = p1;
  unrelated->next = grand;
  std::string path = testing::TempDir() + "leakcheck_backrefs.dot";

  ASSERT_TRUE(gc::write_backrefs_dot(path, target, 2));
  std::string dot = read(path);
  EXPECT_EQ(count(dot, "[label=\"Node\\n0x"), 4u) << dot;  // target, p1, p2, grand
  EXPECT_EQ(count(dot, "-> "), 3u) << dot;
  EXPECT_NE(dot.find("[label=\"children\"]"), std::string::npos) << dot;

  ASSERT_TRUE(gc::write_backrefs_dot(path, target, 5));
  EXPECT_EQ(count(read(path), "-> "), 4u);
  EXPECT_FALSE(gc::write_dot("/nonexistent-directory/x.dot", {target}, 1));
}

TEST_F(GcTest, InspectionInsideAMutationGuardIsAnError) {
  auto a = gc::make_tracked<Node>();
  gc::mutation_guard guard;
  EXPECT_THROW(gc::get_referrers(a), std::logic_error);
  EXPECT_THROW(gc::write_dot(testing::TempDir() + "x.dot", {a}, 1), std::logic_error);
  EXPECT_EQ(gc::collect(), 0u);  // cannot collect while guarding either
}

}  // namespace
