/** An error or notice read out by screen readers as it appears. */
export function Alert({ children, tone = 'error' }: { children: React.ReactNode; tone?: 'error' | 'info' | 'success' }) {
  if (!children) return null;
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} className={`alert ${tone}`}>
      {children}
    </p>
  );
}
