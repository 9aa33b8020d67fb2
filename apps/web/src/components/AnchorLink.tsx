import { Anchor, type AnchorProps, Button, type ButtonProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef } from 'react';

const MantineAnchor = forwardRef<
  HTMLAnchorElement,
  AnchorProps & React.AnchorHTMLAttributes<HTMLAnchorElement>
>((props, ref) => <Anchor ref={ref} {...props} />);

/** A Mantine anchor that is a typed router link (params and search checked against the routes). */
export const AnchorLink = createLink(MantineAnchor);

const MantineButtonAnchor = forwardRef<
  HTMLAnchorElement,
  ButtonProps & React.AnchorHTMLAttributes<HTMLAnchorElement>
>((props, ref) => <Button component="a" ref={ref} {...props} />);

/** A Mantine button that is a typed router link (a page to go to, not an action). */
export const ButtonLink = createLink(MantineButtonAnchor);
