import { useState } from 'react';
import type { TablePaginationConfig } from 'antd';

const PAGE_SIZE = 20;

/**
 * Server-side paging of a register screen (招领信息, 本辖区登记簿): the query's window, the table's
 * pager counting in `unit` (件, 项), and a restart at the first page when a filter changes.
 */
export function useRegisterPaging(unit: string) {
  const [page, setPage] = useState(1);
  return {
    window: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    restart: () => setPage(1),
    pagination: (total: number): TablePaginationConfig => ({ current: page, pageSize: PAGE_SIZE, total, onChange: setPage, showTotal: (t) => `共 ${t} ${unit}` }),
  };
}
