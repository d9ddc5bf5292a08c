#include "ui/i18n.h"

namespace tunelab::ui {
namespace {

constexpr TranslationEntry kEntries[] = {
    {"", ""},
};

}  // namespace

const std::span<const TranslationEntry> kSessionStrings = kEntries;

}  // namespace tunelab::ui
