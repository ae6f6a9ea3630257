export function EmptyState() {
  return (
    <div class="empty" role="note">
      <p class="empty-title">No starred papers yet</p>
      <p>
        Open <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">Hugging Face papers</a> and click the
        star under a paper's title. It will show up here.
      </p>
    </div>
  );
}
