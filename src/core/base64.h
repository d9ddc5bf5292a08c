#pragma once
// base64url (RFC 4648 §5, no padding): the first version of shared links, and a trial's data on its
// way to a Web Worker (tune/trial_pool.h), where raw floats travel inside a JSON string.
#include <optional>
#include <string>
#include <string_view>

namespace tunelab {

std::string base64url_encode(std::string_view bytes);
// Strict: only the 64 URL-safe characters, no padding, and no length that cannot come from bytes.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace tunelab
