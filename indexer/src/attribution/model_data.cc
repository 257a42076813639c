// The attribution model (indexer/data/attribution.model), assembled into the
// library so the binary needs no file beside it. CMake passes the path.
#include <cstdint>

#define ATTACHE_STRINGIFY2(x) #x
#define ATTACHE_STRINGIFY(x) ATTACHE_STRINGIFY2(x)

__asm__(".section .rodata\n"
        ".balign 16\n"
        ".global attache_attribution_model\n"
        "attache_attribution_model:\n"
        ".incbin \"" ATTACHE_STRINGIFY(ATTACHE_ATTRIBUTION_MODEL) "\"\n"
        ".global attache_attribution_model_end\n"
        "attache_attribution_model_end:\n"
        ".previous\n");
