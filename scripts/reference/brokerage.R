#!/usr/bin/env Rscript
# Reference values from R's sna package (and R igraph's centralisation
# functions) for snatool's fixtures. Called by compute_reference.py:
#
#   Rscript scripts/reference/brokerage.R WORKDIR
#
# WORKDIR/manifest.csv lists one job per row: id,n,edges,groups,out
#   edges:  CSV with columns from,to (1-based vertex indices, unweighted,
#           no duplicates, no self-loops)
#   groups: CSV with one column `group` (one row per vertex, in node order)
#   out:    prefix for the results: OUT_nodes.csv and OUT_network.csv
# Numbers are written with 17 significant digits so they round-trip exactly.
suppressPackageStartupMessages({
  library(sna)
  library(igraph)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: brokerage.R WORKDIR")
workdir <- args[1]
manifest <- read.csv(file.path(workdir, "manifest.csv"), stringsAsFactors = FALSE)

fmt <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))

for (k in seq_len(nrow(manifest))) {
  job <- manifest[k, ]
  n <- job$n
  el <- read.csv(file.path(workdir, job$edges))
  cl <- read.csv(file.path(workdir, job$groups), stringsAsFactors = FALSE,
                 colClasses = "character")$group
  stopifnot(length(cl) == n)
  adj <- matrix(0, n, n)
  if (nrow(el) > 0) adj[cbind(el$from, el$to)] <- 1
  sym <- 1 * ((adj + t(adj)) > 0)

  # Gould-Fernandez brokerage. Column order in sna: w_I, w_O, b_IO, b_OI, b_O, t
  br <- brokerage(adj, cl)
  # Shortest-path betweenness on the directed graph (sna ignores values by default)
  btw <- sna::betweenness(adj, gmode = "digraph", cmode = "directed")
  nodes <- data.frame(betweenness_sna = fmt(btw))
  for (what in c("raw.nli", "exp.nli", "sd.nli", "z.nli")) {
    m <- br[[what]]
    for (col in colnames(m)) nodes[[paste(what, col, sep = ":")]] <- fmt(m[, col])
  }
  write.csv(nodes, file.path(workdir, paste0(job$out, "_nodes.csv")), row.names = FALSE, quote = TRUE)

  # Freeman centralisation, two implementations
  g <- graph_from_adjacency_matrix(adj, mode = "directed")
  gs <- graph_from_adjacency_matrix(sym, mode = "undirected")
  net <- data.frame(
    key = c("sna_centralization_betweenness_digraph",
            "sna_centralization_degree_graph",
            "rigraph_centr_betw_directed",
            "rigraph_centr_degree_all_sym"),
    value = fmt(c(
      sna::centralization(adj, sna::betweenness, mode = "digraph"),
      sna::centralization(sym, sna::degree, mode = "graph"),
      centr_betw(g, directed = TRUE, normalized = TRUE)$centralization,
      centr_degree(gs, mode = "all", loops = FALSE, normalized = TRUE)$centralization)))
  for (what in c("raw.gli", "exp.gli", "sd.gli", "z.gli")) {
    v <- br[[what]]
    net <- rbind(net, data.frame(key = paste(what, names(v), sep = ":"), value = fmt(v)))
  }
  write.csv(net, file.path(workdir, paste0(job$out, "_network.csv")), row.names = FALSE, quote = TRUE)
}
versions <- data.frame(
  key = c("R", "sna", "network", "igraph_R"),
  value = c(paste(R.version$major, R.version$minor, sep = "."),
            as.character(packageVersion("sna")),
            as.character(packageVersion("network")),
            as.character(packageVersion("igraph"))))
write.csv(versions, file.path(workdir, "versions.csv"), row.names = FALSE, quote = TRUE)
