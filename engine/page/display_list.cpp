// The display list is plain data; this file exists so the stage is a
// library like the others and has a home for helpers it may grow.
#include "page/display_list.h"
