import { describe, expect, it } from 'vitest';
import { FormBodyInvalid, parseFormBody } from './form-body.ts';

describe('parseFormBody', () => {
  it('reads flat and bracketed keys the way the Stripe SDK writes them', () => {
    const body =
      'amount=1250&currency=eur&metadata[orderId]=ord%201&metadata[note]=a+b%26c&expand[0]=latest_charge&tags[]=x&tags[]=y';
    expect(parseFormBody(body)).toEqual({
      amount: '1250',
      currency: 'eur',
      metadata: { orderId: 'ord 1', note: 'a b&c' },
      expand: { '0': 'latest_charge' },
      tags: { '0': 'x', '1': 'y' },
    });
  });

  it('reads percent-encoded brackets and empty values', () => {
    expect(parseFormBody('metadata%5Bkey%5D=&description=')).toEqual({
      metadata: { key: '' },
      description: '',
    });
    expect(parseFormBody('')).toEqual({});
  });

  it('refuses keys that conflict or would reach the prototype', () => {
    expect(() => parseFormBody('a=1&a[b]=2')).toThrow(FormBodyInvalid);
    expect(() => parseFormBody('a[b]=2&a=1')).toThrow(FormBodyInvalid);
    expect(() => parseFormBody('__proto__[x]=1')).toThrow(FormBodyInvalid);
    expect(() => parseFormBody('a]b=1')).toThrow(FormBodyInvalid);
  });
});
