/** Messages (events, RPC bodies) of 三级窗口 service points and 自助查询 self-service (issue 11). */
export {};
