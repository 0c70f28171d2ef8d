export type PrivacyState = { erased: boolean };

export const initialPrivacyState = (): PrivacyState => ({ erased: false });
