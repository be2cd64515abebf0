import { type ReactNode, useEffect, useRef } from 'react';
import { hasNavigated } from './router.tsx';

/**
 * The page's `<h1>`. After a route change it takes focus, so screen readers announce the new
 * page and keyboard users continue from its top; it also names the document.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = title;
    if (hasNavigated()) ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
