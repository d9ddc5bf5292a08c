// placeholder, replaced by the skeleton's string table
