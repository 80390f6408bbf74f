/** How a patient paid at reception. No card gateway: the method and amount are recorded. */
export type PaymentMethod = 'cash' | 'card' | 'transfer';
export const PAYMENT_METHODS: ReadonlyArray<PaymentMethod> = ['cash', 'card', 'transfer'];
