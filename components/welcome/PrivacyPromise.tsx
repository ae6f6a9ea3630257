const TEXT = {
  title: 'Your papers stay with you',
  points: [
    'Shelfmark sends nothing anywhere: no account, no server, no analytics, no remote code.',
    'Your stars, queue and notes are kept in this browser, on this device.',
    'It reads only the paper sites it supports (arXiv, Hugging Face, the ACL Anthology, dblp, Google Scholar, OpenReview, CVF), and only to put its buttons on them.',
    'Export a JSON backup to keep your library or move it; removing Shelfmark removes its data.',
  ],
} as const;

export function PrivacyPromise() {
  return (
    <section class="welcome-card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{TEXT.title}</h2>
      <ul class="welcome-privacy">
        {TEXT.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </section>
  );
}
