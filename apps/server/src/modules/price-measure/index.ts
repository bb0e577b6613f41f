// Public entry of price and credit deliveries (差别电价、惩罚性电价、阶梯电价、累进加价水价、信贷限制; issue 12).
export { priceMeasureRoutes } from './price-measure.routes.ts';
export { deliveryTodoSource } from './price-measure.todo.ts';
