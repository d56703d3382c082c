// The documentation page of each check (checks/docs/<check>.md, in clang-tidy's shape: what
// it finds, why it leaks, a bad and a fixed example, options, known limits). --list-checks
// names the page, and SARIF rules carry it as their help (markdown) and helpUri.
#pragma once

#include <string>

namespace leakcheck {

// The page's text, compiled in from checks/docs/<Check>.md; "" for an unknown check.
const char *checkDocMarkdown(const std::string &Check);

// Where the page is on this machine: <exe>/../share/doc/leakcheck/checks/<Check>.md in an
// install, else the source tree's checks/docs/<Check>.md; "" when neither exists.
std::string checkDocPath(const std::string &Check);

// An absolute URI for the page: LEAKCHECK_DOCS_URL/<Check>.md when leakcheck was configured
// with one (a web copy of checks/docs/), else the file:// URI of checkDocPath; "" if none.
std::string checkDocUri(const std::string &Check);

// An absolute URI that tells about leakcheck itself (SARIF's tool informationUri):
// LEAKCHECK_HOMEPAGE_URL when configured, else the file:// URI of the installed README
// (<exe>/../share/doc/leakcheck/README.md) or the source tree's.
std::string toolInformationUri();

// The options table of a check's page, rendered from the declared options
// (model/CheckOptions.cpp) that the check reads: the text between the page's
// "<!-- options: ... -->" line and "<!-- end options -->" must be exactly this (a test keeps
// them in step).
std::string optionsTableMarkdown(const std::string &Check);

// A path as the path part of a URI: unreserved characters and '/' as they are, the rest
// percent-encoded.
std::string uriPath(const std::string &Path);

} // namespace leakcheck
