// Thin wrappers over the Graphviz C API for Swift 6.
//
// - `Agdirected` is a mutable global, which Swift 6 rejects as not
//   concurrency-safe: `snatool_agdirected()` returns it by value.
// - Graphviz 2.42/2.43 take `char *` where Swift passes `const char *`, and
//   `gvRenderData` takes `unsigned int *` there but `size_t *` in later
//   releases: the wrappers below take `const char *` and `size_t *` and cast.
#ifndef SNATOOL_CGRAPHVIZ_SHIM_H
#define SNATOOL_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/graphviz_version.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static inline Agdesc_t snatool_agdirected(void) { return Agdirected; }

static inline Agraph_t *snatool_agmemread(const char *text) {
    return agmemread((char *)text);
}

static inline int snatool_gvLayout(GVC_t *gvc, Agraph_t *g, const char *engine) {
    return gvLayout(gvc, g, (char *)engine);
}

static inline int snatool_gvRenderData(GVC_t *gvc, Agraph_t *g, const char *format,
                                       char **result, size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 3
    return gvRenderData(gvc, g, format, result, length);
#else
    unsigned int len = 0;
    int rc = gvRenderData(gvc, g, (char *)format, result, &len);
    *length = (size_t)len;
    return rc;
#endif
}

/// The names of the plugins of one kind ("render", "layout"), separated by
/// spaces, in a string the caller frees with free().
static inline char *snatool_plugin_names(GVC_t *gvc, const char *kind) {
    int count = 0;
    char **list = gvPluginList(gvc, (char *)kind, &count, NULL);
    size_t total = 1;
    for (int i = 0; i < count; i++) total += strlen(list[i]) + 1;
    char *out = malloc(total);
    if (!out) return NULL;
    out[0] = 0;
    for (int i = 0; i < count; i++) {
        strcat(out, list[i]);
        if (i + 1 < count) strcat(out, " ");
        free(list[i]);
    }
    free(list);
    return out;
}

static inline char *snatool_aglasterr(void) { return aglasterr(); }

static inline void snatool_keep_errors(void) { agseterr(AGMAX); }

#endif
