// A large numeric PIN field: masked, numeric keypad on tablets, never remembered by the browser.
import { Field } from '../../ui/field';

export function PinInput(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  autoFocus?: boolean;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(a11y) => (
        <input
          {...a11y}
          className="pin-input"
          type="password"
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          maxLength={6}
          autoFocus={props.autoFocus}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value.replace(/[^0-9]/g, ''))}
        />
      )}
    </Field>
  );
}
