import { Button, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';

/** A link that looks like a button: navigation stays a link for screen readers and new tabs. */
export function LinkButton({ href, children, ...rest }: { href: string; children: ReactNode } & Omit<ButtonProps, 'href' | 'onClick'>) {
  const [, navigate] = useLocation();
  return (
    <Button
      {...rest}
      href={href}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </Button>
  );
}
