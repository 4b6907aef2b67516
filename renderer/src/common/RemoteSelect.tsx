// A select whose options come from an API search; used wherever a form picks one record by name.
import { Select, Spin } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { SEARCH_DEBOUNCE_MS } from './search';

/** A picked record as antd's labelInValue Select keeps it: the id and what the list showed. */
export interface Picked {
  value: string;
  label: string;
}

/**
 * The search behind every picker that asks the core as the caseworker types: once typing stops
 * (SEARCH_DEBOUNCE_MS), only the latest answer kept, nothing asked for an empty box.
 */
export function useRemoteSearch<O>(search: (query: string) => Promise<O[]>) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<O[]>([]);
  const [searching, setSearching] = useState(false);
  // The latest search function, without restarting the timer when the caller makes a new one.
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setOptions([]);
      setSearching(false);
      return;
    }
    let current = true;
    setSearching(true);
    const timer = setTimeout(() => {
      searchRef
        .current(q)
        .then(
          (found) => {
            if (current) setOptions(found);
          },
          () => {
            if (current) setOptions([]);
          },
        )
        .finally(() => {
          if (current) setSearching(false);
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  /** What the open list says while it has no options: searching, no match, or what to type. */
  const empty = (noMatch: string, typeToSearch: string): ReactNode =>
    searching ? <Spin size="small" /> : query.trim() ? noMatch : typeToSearch;

  return { query, setQuery, options, searching, empty };
}

/**
 * A Select whose options come from an API search as the caseworker types. Its value is the
 * picked id with the label the list showed (labelInValue), so the choice stays readable
 * after the next search replaces the options.
 */
export function RemoteSelect({
  value,
  onChange,
  search,
  placeholder,
  typeToSearch,
  noMatch,
  id,
  'aria-invalid': ariaInvalid,
}: {
  value?: Picked | null;
  onChange?: (value: Picked | null) => void;
  search: (query: string) => Promise<Picked[]>;
  placeholder: string;
  typeToSearch: string;
  noMatch: string;
  id?: string;
  'aria-invalid'?: boolean;
}) {
  const { setQuery, options, empty } = useRemoteSearch(search);

  const shown = value && !options.some((o) => o.value === value.value) ? [value, ...options] : options;

  return (
    <Select<Picked>
      id={id}
      aria-invalid={ariaInvalid}
      labelInValue
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      options={shown}
      placeholder={placeholder}
      notFoundContent={empty(noMatch, typeToSearch)}
      style={{ width: '100%' }}
    />
  );
}
