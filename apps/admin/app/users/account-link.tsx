/** An account's email, linking to its page, with the person's name under it. */
export function AccountLink({
  user,
}: {
  user: { id: string; email: string; name: string | null };
}) {
  return (
    <a href={`/users/${user.id}`} className="font-medium text-brand-700 hover:underline">
      {user.email}
      {user.name ? <span className="block text-xs text-slate-500">{user.name}</span> : null}
    </a>
  );
}
