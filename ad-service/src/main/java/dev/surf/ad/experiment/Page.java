package dev.surf.ad.experiment;

import java.util.List;

/** One page of a list: zero-based page number, page size and totals. */
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
}
