// placeholder, replaced by the tuning core
