import { Select } from "@/components/ui/field";

/** A list filter's choice: "any" first (the empty value), then the options. */
export function FilterSelect({
  name,
  label,
  any,
  options,
  value,
  errors,
}: {
  name: string;
  label: string;
  /** What the empty choice reads, e.g. "All sites". */
  any: string;
  options: { value: string | number; label: string }[];
  value: string | undefined;
  errors?: string[];
}) {
  return (
    <Select name={name} label={label} defaultValue={value ?? ""} errors={errors}>
      <option value="">{any}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}
