import { useMutation, useQueryClient } from '@tanstack/react-query';
import { noteWrite } from './last-write.ts';

/**
 * A command on an order (or on one of its returns): after it the order is read again, at the
 * command's position (`noteWrite`); the order's returns are under the same query key.
 */
export function useOrderCommand<Input, Answer extends { position?: string | null }>(
  orderId: string,
  send: (input: Input) => Promise<Answer>,
) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (answer) => {
      noteWrite(answer);
      return queries.invalidateQueries({ queryKey: ['orders'] });
    },
    // Also refresh on a refusal: a 409 means someone else changed it, so show what it is now.
    onError: () => queries.invalidateQueries({ queryKey: ['orders', orderId] }),
  });
}
