import { FormField } from "@/components/form-field";
import { PASSWORD_MIN } from "@/lib/users/schemas";

/** The fields of a new account (a partner's user, a courier): email, name, initial password. */
export function AccountFields({
  idPrefix,
  values = {},
  errors = {},
}: {
  idPrefix: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  return (
    <>
      <FormField
        id={`${idPrefix}-email`}
        label="Email"
        name="email"
        type="email"
        required
        defaultValue={values.email}
        error={errors.email}
      />
      <FormField id={`${idPrefix}-name`} label="Name" name="name" defaultValue={values.name} error={errors.name} />
      <FormField
        id={`${idPrefix}-password`}
        label="Initial password"
        name="password"
        type="password"
        required
        minLength={PASSWORD_MIN}
        autoComplete="new-password"
        error={errors.password}
      />
    </>
  );
}
