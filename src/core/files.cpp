#include "core/files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "core/limits.h"

namespace tunelab {

FileText read_file(const std::string& path, size_t max_bytes, std::string_view what) {
    FileText result;
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) {
        result.error = "cannot read '" + path + "' (" + std::strerror(errno) + ")";
        return result;
    }
    std::string text;
    char buffer[1 << 16];
    size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
        if (text.size() + got > max_bytes) {
            std::fclose(file);
            result.error = "'" + path + "' is larger than " + limits::describe_bytes(double(max_bytes)) +
                           ", the limit for " + std::string(what);
            return result;
        }
        text.append(buffer, got);
    }
    const bool failed = std::ferror(file);
    std::fclose(file);
    if (failed) {
        result.error = "cannot read '" + path + "' (a read error)";
        return result;
    }
    result.text = std::move(text);
    return result;
}

namespace {

std::string write_whole(const std::string& path, std::string_view text, const char* mode) {
    std::FILE* file = std::fopen(path.c_str(), mode);
    if (!file) return "cannot write '" + path + "' (" + std::strerror(errno) + ")";
    // The first error wins: a full disk usually shows only when the buffer is flushed.
    int failure = 0;
    if (std::fwrite(text.data(), 1, text.size(), file) != text.size()) failure = errno ? errno : EIO;
    if (std::fflush(file) != 0 && !failure) failure = errno;
    if (std::fclose(file) != 0 && !failure) failure = errno;
    if (!failure) return "";
    return "cannot write '" + path + "' (" + std::strerror(failure) + ")";
}

}  // namespace

std::string write_file_atomic(const std::string& path, std::string_view text) {
    std::error_code error;
    const std::filesystem::path target(path);
    if (std::filesystem::exists(target, error) && !std::filesystem::is_regular_file(target, error))
        return write_whole(path, text, "wb");  // a device or pipe: nothing to replace atomically
    const std::string temporary = path + ".tmp";
    if (std::string failed = write_whole(temporary, text, "wb"); !failed.empty()) {
        std::filesystem::remove(temporary, error);
        return failed;
    }
    std::filesystem::rename(temporary, target, error);
    if (error) {
        std::filesystem::remove(temporary, error);
        return "cannot write '" + path + "' (" + error.message() + ")";
    }
    return "";
}

}  // namespace tunelab
