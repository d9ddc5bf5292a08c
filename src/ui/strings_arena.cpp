#include "ui/i18n.h"

namespace tunelab::ui {
namespace {

constexpr TranslationEntry kEntries[] = {
    {"", ""},
};

}  // namespace

const std::span<const TranslationEntry> kArenaStrings = kEntries;

}  // namespace tunelab::ui
