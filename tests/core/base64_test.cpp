#include <doctest/doctest.h>

#include <string>

#include "core/base64.h"

namespace tunelab {

TEST_CASE("base64url: RFC 4648's test vectors in the URL alphabet, without padding") {
    CHECK(base64url_encode("") == "");
    CHECK(base64url_encode("f") == "Zg");
    CHECK(base64url_encode("fo") == "Zm8");
    CHECK(base64url_encode("foo") == "Zm9v");
    CHECK(base64url_encode("foob") == "Zm9vYg");
    CHECK(base64url_encode("fooba") == "Zm9vYmE");
    CHECK(base64url_encode("foobar") == "Zm9vYmFy");
    CHECK(base64url_encode("\xfb\xff\xbf") == "-_-_");  // the two characters the URL alphabet changes
}

TEST_CASE("base64url: every byte value at every length round-trips") {
    for (size_t length = 0; length <= 260; ++length) {
        std::string bytes(length, '\0');
        for (size_t i = 0; i < length; ++i) bytes[i] = char((i * 97 + length) % 256);
        const std::string text = base64url_encode(bytes);
        CHECK(text.size() == (length * 4 + 2) / 3);
        CHECK(base64url_decode(text) == bytes);
    }
    CHECK_FALSE(base64url_decode("Zm9vY").has_value());  // 5 characters cannot end a group
    CHECK_FALSE(base64url_decode("Zm+v").has_value());   // '+' is the standard alphabet's, not the URL's
}

}  // namespace tunelab
