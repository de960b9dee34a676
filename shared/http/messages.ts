/**
 * Every message a client can read, in English (the default) and Russian (the old
 * service's language), keyed by a stable code. Templates use `{name}` placeholders.
 */
const catalog = {
  required: ['This field is required.', 'Обязательное поле.'],
  null: ['This field may not be null.', 'Это поле не может быть null.'],
  blank: ['This field may not be blank.', 'Это поле не может быть пустым.'],
  invalid_string: ['Not a valid string.', 'Некорректная строка.'],
  max_length: [
    'Ensure this field has no more than {max} characters.',
    'Убедитесь, что это значение содержит не более {max} символов.',
  ],
  invalid_email: ['Enter a valid email address.', 'Введите правильный адрес электронной почты.'],
  email_taken: ['A user with this email already exists.', 'Пользователь с таким email уже существует.'],
  password_too_short: [
    'This password is too short. It must contain at least {min} characters.',
    'Введённый пароль слишком короткий. Он должен содержать как минимум {min} символов.',
  ],
  password_entirely_numeric: ['This password is entirely numeric.', 'Введённый пароль состоит только из цифр.'],
  password_too_similar: ['The password is too similar to the email.', 'Введённый пароль слишком похож на email.'],
  invalid_phone: [
    'Enter a valid phone number: 9 to 15 digits with an optional leading +.',
    'Введите правильный номер телефона: от 9 до 15 цифр, в начале может быть +.',
  ],
  not_a_list: [
    'Expected a list of items but got type "{type}".',
    'Ожидался list со значениями, но был получен "{type}".',
  ],
  max_items: [
    'Ensure this field has no more than {max} elements.',
    'Убедитесь, что в этом поле не больше {max} элементов.',
  ],
  incorrect_pk_type: [
    'Incorrect type. Expected pk value, received {type}.',
    'Некорректный тип. Ожидалось значение первичного ключа, получен {type}.',
  ],
  invalid_pk: [
    'Invalid pk "{pk}" - object does not exist.',
    'Недопустимый первичный ключ "{pk}" - объект не существует.',
  ],
  unknown_field: ['Unknown field.', 'Неизвестное поле.'],
  invalid_value: ['Invalid value.', 'Недопустимое значение.'],
  not_authenticated: ['Authentication credentials were not provided.', 'Учетные данные не были предоставлены.'],
  token_not_valid: ['Given token not valid for any token type', 'Данный токен недействителен для любого типа токена'],
  no_active_account: [
    'No active account found with the given credentials',
    'Не найдено активной учетной записи с указанными данными',
  ],
  permission_denied: ['You do not have permission to perform this action.', 'У вас недостаточно прав для выполнения данного действия.'],
  not_found: ['Not found.', 'Не найдено.'],
  method_not_allowed: ['Method "{method}" not allowed.', 'Метод "{method}" не разрешен.'],
  request_too_large: ['Request body too large.', 'Слишком большое тело запроса.'],
  unsupported_media_type: [
    'Unsupported media type "{type}" in request.',
    'Неподдерживаемый тип данных "{type}" в запросе.',
  ],
  json_parse_error: ['JSON parse error - {reason}', 'Ошибка разбора JSON - {reason}'],
  json_not_object: [
    'JSON parse error - Expected an object, got {type}.',
    'Ошибка разбора JSON - ожидался объект, получен {type}.',
  ],
  multipart_parse_error: ['Multipart form parse error - {reason}', 'Ошибка разбора multipart-формы - {reason}'],
  throttled: [
    'Request was throttled. Expected available in {wait} seconds.',
    'Запрос был проигнорирован. Ожидайте {wait} секунд.',
  ],
  invalid_cursor: ['Invalid cursor', 'Неверный курсор'],
  conflict: [
    'The resource was changed by another request. Try again.',
    'Ресурс был изменён другим запросом. Повторите попытку.',
  ],
  server_error: ['A server error occurred.', 'Произошла ошибка сервера.'],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageCode = keyof typeof catalog;
export type Language = 'en' | 'ru';
export const languages: readonly Language[] = ['en', 'ru'];

export type MessageParams = Record<string, string | number>;

/** A message not yet put into words: the language is known only when the reply is shaped. */
export interface Message {
  code: MessageCode;
  params?: MessageParams;
}

export const isMessageCode = (value: unknown): value is MessageCode =>
  typeof value === 'string' && Object.hasOwn(catalog, value);

export function translate({ code, params = {} }: Message, language: Language): string {
  const template = catalog[code][language === 'ru' ? 1 : 0];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
