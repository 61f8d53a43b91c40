/** The first focusable element of every page: jumps past the header and menu to the main content. */
export function SkipLink() {
  return (
    <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus wr-skip-link" href="#inhoud">
      Naar de inhoud
    </a>
  );
}
