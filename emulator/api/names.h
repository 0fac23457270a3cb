// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace emu::api {

// Kubernetes name and label rules, as k8s.io/apimachinery/pkg/util/validation (and its
// successor k8s.io/apimachinery/pkg/api/validate/content). Each returns the upstream error
// messages, empty when the value is valid. Hand-written matchers, no <regex>.

/// Object names of most kinds: [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*,
/// at most 253 characters.
std::vector<std::string> isDns1123Subdomain(std::string_view value);
/// Namespace names and similar: [a-z0-9]([-a-z0-9]*[a-z0-9])?, at most 63 characters.
std::vector<std::string> isDns1123Label(std::string_view value);
/// Service names: [a-z]([-a-z0-9]*[a-z0-9])?, at most 63 characters.
std::vector<std::string> isDns1035Label(std::string_view value);
/// Label and annotation keys, taint keys: an optional DNS subdomain prefix and "/", then a
/// name of at most 63 characters matching ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9].
std::vector<std::string> isQualifiedName(std::string_view value);
/// Label values: empty, or a name as above of at most 63 characters.
std::vector<std::string> isValidLabelValue(std::string_view value);

/// upstream: k8s.io/apiserver/pkg/storage/names.SimpleNameGenerator.GenerateName: the base
/// cut to 58 characters plus 5 characters from "bcdfghjklmnpqrstvwxz2456789". The 5 characters
/// are the base-27 digits of `randomBits` (the emulator draws them from its one seeded RNG).
std::string generateName(std::string_view base, std::uint64_t randomBits);

/// How many characters of a generateName base are kept (upstream MaxGeneratedNameLength).
inline constexpr std::size_t kMaxGeneratedNameBaseLength = 58;

} // namespace emu::api
