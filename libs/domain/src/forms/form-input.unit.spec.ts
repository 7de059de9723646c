import { checkSendFormInput } from './form-input';

describe('checkSendFormInput', () => {
  it('takes a field left out as its default, and refuses null for it, naming the field', () => {
    expect(checkSendFormInput({}).errors).toEqual([]);
    expect(checkSendFormInput({}).value).toMatchObject({ title: null, message: null, sendAt: null });
    for (const field of ['title', 'message', 'sendAt'])
      expect(checkSendFormInput({ [field]: null }).errors.map((e) => e.field)).toEqual([field]);
  });
});
