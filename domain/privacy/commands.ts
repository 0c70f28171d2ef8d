export type EraseCustomer = {
  type: 'EraseCustomer';
  data: { customerId: string; orderIds: string[]; reason: string | null };
};

export type RecordEncryption = {
  type: 'RecordEncryption';
  data: { events: number; fields: number; throughPosition: string };
};

export type PrivacyCommand = EraseCustomer | RecordEncryption;
