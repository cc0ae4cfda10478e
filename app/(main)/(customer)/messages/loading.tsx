import { HeadingBones, LoadingSkeleton, RowBones } from "@/components/ui/skeleton";

export default function MessagesLoading() {
  return (
    <LoadingSkeleton>
      <HeadingBones />
      <RowBones rows={3} className="h-24" />
    </LoadingSkeleton>
  );
}
