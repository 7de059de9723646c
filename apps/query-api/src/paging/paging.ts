/** Which page of a list, as a query carries it (from PageDto). */
export interface Paging {
  page: number;
  pageSize: number;
}

/** How many documents a page skips. */
export const skipOf = (paging: Paging) => (paging.page - 1) * paging.pageSize;
